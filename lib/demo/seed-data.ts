// The demo accounts and course code, printed by `npm start` and used by the e2e tests.
export const DEMO_PASSWORD = "synack-demo";
export const DEMO_JOIN_CODE = "SYNACK26";
export const DEMO_USERS = [
  { email: "admin@synack.test", name: "Sam Admin", isAdmin: true, canTeach: true, role: null, section: null },
  { email: "instructor@synack.test", name: "Ines Vega", isAdmin: false, canTeach: true, role: "INSTRUCTOR", section: null },
  { email: "ada@synack.test", name: "Ada Okafor", isAdmin: false, canTeach: false, role: "STUDENT", section: "A" },
  { email: "ben@synack.test", name: "Ben Carter", isAdmin: false, canTeach: false, role: "STUDENT", section: "A" },
  { email: "chen@synack.test", name: "Chen Wei", isAdmin: false, canTeach: false, role: "STUDENT", section: "B" },
] as const;
