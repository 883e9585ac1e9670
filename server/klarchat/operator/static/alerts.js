// Telling the operator that someone is waiting: a short tone (WebAudio, no audio file), a
// browser notification when the operator has allowed them, and a live region for screen
// readers. Permission is asked only when the operator presses the button, never on load.

import { kc } from "./dom.js";
import { T } from "./texts.js";

export class Alerts {
  constructor() {
    this.announcer = kc("announcer");
    this.audio = null;
  }

  /** Called from a click (a user gesture), so that the browser lets the tone play later. */
  unlockSound() {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    this.audio ??= new Context();
    if (this.audio.state === "suspended") this.audio.resume().catch(() => {});
  }

  /** Screen readers hear it whether or not the operator is available. Emptied first, so
   * that a second announcement with the same words is read out again. */
  announce(text) {
    this.announcer.textContent = "";
    this.announcer.dataset.alerts = String(Number(this.announcer.dataset.alerts) + 1);
    setTimeout(() => {
      this.announcer.textContent = text;
    }, 100);
  }

  /** Sound and notification, for an available operator. */
  ring(text) {
    this.chime();
    if ("Notification" in window && Notification.permission === "granted") {
      new Notification(T.notification_title, { body: text, tag: "klarchat-waiting" });
    }
    this.announcer.dataset.rings = String(Number(this.announcer.dataset.rings || 0) + 1);
  }

  chime() {
    this.unlockSound();
    const audio = this.audio;
    if (!audio) return;
    const start = audio.currentTime;
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.type = "sine";
    tone.frequency.setValueAtTime(880, start);
    tone.frequency.setValueAtTime(660, start + 0.15);
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.2, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.35);
    tone.connect(gain).connect(audio.destination);
    tone.start(start);
    tone.stop(start + 0.4);
  }

  /** The permission button: hidden where notifications do not exist or are decided. */
  setUpPermissionButton(button, status) {
    const show = () => {
      button.hidden = !("Notification" in window) || Notification.permission !== "default";
    };
    show();
    button.addEventListener("click", async () => {
      this.unlockSound();
      const answer = await Notification.requestPermission();
      status.textContent = answer === "granted" ? T.notify_granted : T.notify_denied;
      show();
    });
  }
}
