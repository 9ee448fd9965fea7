// What other modules may use of the segments module: import from here, never from its files.
export { deleteSegment, findSegment, updateSegment } from "./queries.ts";
export {
  resolveSegment,
  type SegmentConditions,
  segmentConditions,
  segmentsFingerprintSql,
  segmentsOfMember,
} from "./service.ts";
