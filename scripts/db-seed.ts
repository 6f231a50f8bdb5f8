// `npm run db:seed`: adds the demo course if it is not there.
import { createDb } from "../lib/db/client";
import { fillDemoQuizzes } from "../lib/demo/demo-quizzes";
import { syncStarterLibrary } from "../lib/demo/starter-library";
import { seedDemo } from "../lib/demo/seed";

const db = createDb();
console.log((await seedDemo(db)) ? "seeded the demo course" : "demo course already present");
console.log(`question templates added to the starter library: ${await syncStarterLibrary(db)}`);
console.log((await fillDemoQuizzes(db)) ? "filled the demo quizzes" : "demo quizzes already filled");
await db.$disconnect();
