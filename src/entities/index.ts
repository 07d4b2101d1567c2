/** The entity linker: KB matching, titles, discovery of unknown names, in-article coreference. */
export { linkEntities, discoveredId, DEFAULT_TYPES, editDistance, hasArticle, roleActiveAt, type LinkOptions, type LinkedEntity, type LinkedMention } from "./link.js";
export { buildKbIndex, measureKeyCollisions, type KbIndex } from "./kbindex.js";
export { loadLinkerData, type LinkerData, type TitleDef, type CueDef } from "./data.js";
export { TokenTrie, phraseWords } from "./trie.js";
