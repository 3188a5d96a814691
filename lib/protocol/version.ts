/** Bumped on any incompatible change of the frames below; the server refuses other versions. */
export const PROTOCOL_VERSION = 1;
