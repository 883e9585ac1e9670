// Every English text of the handoff to a person, loaded with it. `{x}` is who answers
// ("Anna from customer service"), `{n}` a name, `{t}` a team.
export default {
  // With `reason: "sensitive"`: the server offers a person instead of the AI.
  sensitive: "Your question touches on a sensitive topic, which a person should answer rather than the AI.",
  intro: "For this we ask for your consent. The box is not ticked: it is your choice.",
  continue: "Continue",
  hint: "Tick the box to let a member of our team read the conversation and answer you, or choose “Cancel”.",
  waiting: "Connecting you to a member of staff … You can already describe what you need.",
  nobody: "Nobody is online right now. Your request waits until someone is.",
  stop: "Stop waiting",
  of: "{n} from {t}",
  title: "Live chat",
  banner: "Staff member: you are chatting with {x}, not with an AI.",
  human: "You are now chatting with {x}.",
  ai: "The AI assistant is answering again.",
  closed: "The conversation has been closed.",
  said: "Message from {n}: {x}",
  // Why nobody takes over (`reason` of the `unavailable` state).
  reasons: {
    nobody_online: "Sorry, nobody from our team is available right now.",
    outside_hours: "Sorry, nobody is available outside our service hours.",
    declined: "Without your consent we do not connect you to a person.",
    disabled: "Chatting with a person is not offered here.",
  },
  goOn: "The AI assistant goes on answering.",
  reach: "How to reach us:",
  email: "Email: ",
  phone: "Phone: ",
  form: "Contact form",
  hours: "Hours: ",
};
