/**
 * Built-in maturity frameworks as data (the designed ICC citizen-participation framework and the
 * documented UN LOSI 2022 structure) and the UN e-government indices (EGDI, its groups, EPI).
 *
 * @module frameworks
 */
export { iccCitizenParticipation } from "./iccCitizenParticipation.js";
export { unLosi2022 } from "./unLosi2022.js";
export { builtinFrameworks } from "./builtinFrameworks.js";
export { getFramework } from "./getFramework.js";
export { localiseFramework } from "./localiseFramework.js";
export type { GetFrameworkOptions } from "./getFramework.js";
// the type of what getFramework and builtinFrameworks give, defined with its schema
export type {
  Dimension,
  Indicator,
  LevelBand,
  MaturityFramework,
  MaturityFrameworkInput,
} from "../schema/framework.js";
export { egdi } from "./egdi.js";
export type { EgdiComponents } from "./egdi.js";
export { egovBand, egovBands } from "./egovBand.js";
export type { EgovBand } from "./egovBand.js";
export { epi } from "./epi.js";
