export type { CorrelationInput, PropertyCorrelation } from "./api.js";
export { labelUncorrelatedness } from "./api.js";
export type { ClassAttribution, PropertyWording } from "./attribution.js";
export { CLEANVISION_WORDING } from "./attribution.js";
export type { LabelCodes } from "./classes.js";
export { FOLDS, stratifiedFolds } from "./folds.js";
export { chooseK } from "./knn.js";
export type { CorrelationOptions } from "./options.js";
export { seededRandom } from "./significance.js";
