import { apiRoute } from "@/lib/api/route";
import { getLibraryOp } from "@/lib/api/operations/library";
import { starterCatalog } from "@/lib/authoring";
import { otherMethods } from "@/lib/server/route";

export const GET = apiRoute(getLibraryOp, async ({ locale }) => ({ families: starterCatalog(locale) }));

// The other methods: 405, naming the ones this address takes.
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
