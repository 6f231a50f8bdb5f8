// `npm run db:seed`: adds the demo course if it is not there.
import { createDb } from "../lib/db/client";
import { seedDemo } from "../lib/db/seed";

const db = createDb();
console.log((await seedDemo(db)) ? "seeded the demo course" : "demo course already present");
await db.$disconnect();
