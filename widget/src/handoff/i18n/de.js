// Every German text of the handoff to a person, loaded with it. `{x}` is who answers
// ("Anna vom Kundenservice"), `{n}` a name, `{t}` a team.
export default {
  // With `reason: "sensitive"`: the server offers a person instead of the AI.
  sensitive: "Ihre Frage berührt ein sensibles Thema. Dazu antwortet Ihnen besser ein Mensch als die KI.",
  intro: "Dafür bitten wir um Ihre Einwilligung. Der Haken ist nicht gesetzt: Sie entscheiden.",
  continue: "Weiter",
  hint:
    "Setzen Sie den Haken, damit jemand aus unserem Team den Chat lesen und Ihnen antworten darf, oder wählen Sie „Abbrechen“.",
  waiting:
    "Sie werden mit einer Mitarbeiterin oder einem Mitarbeiter verbunden … Sie können Ihr Anliegen schon schreiben.",
  nobody: "Gerade ist niemand online. Ihre Anfrage wartet, bis jemand da ist.",
  stop: "Nicht mehr warten",
  of: "{n} vom {t}",
  title: "Live-Chat",
  banner: "Mitarbeiterin / Mitarbeiter: Sie schreiben mit {x}, nicht mit einer KI.",
  human: "Sie schreiben jetzt mit {x}.",
  ai: "Die KI antwortet wieder.",
  closed: "Das Gespräch wurde beendet.",
  said: "Nachricht von {n}: {x}",
  // Why nobody takes over (`reason` of the `unavailable` state).
  reasons: {
    nobody_online: "Gerade ist leider niemand aus unserem Team erreichbar.",
    outside_hours: "Außerhalb unserer Servicezeiten ist leider niemand erreichbar.",
    declined: "Ohne Ihre Einwilligung verbinden wir Sie nicht mit einem Menschen.",
    disabled: "Ein Chat mit einem Menschen ist hier nicht möglich.",
  },
  goOn: "Der KI-Assistent antwortet weiter.",
  reach: "So erreichen Sie uns:",
  email: "E-Mail: ",
  phone: "Telefon: ",
  form: "Kontaktformular",
  hours: "Erreichbar: ",
};
