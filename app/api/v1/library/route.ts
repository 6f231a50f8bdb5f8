import { apiRoute } from "@/lib/api/route";
import { getLibraryOp } from "@/lib/api/operations/library";
import { starterCatalog } from "@/lib/authoring";

export const GET = apiRoute(getLibraryOp, async ({ locale }) => ({ families: starterCatalog(locale) }));
