export { MarcError, type MarcErrorCode } from './errors.js';
export {
  type ControlField,
  type DataField,
  type Field,
  isControlField,
  isDataField,
  type MarcRecord,
  type Subfield,
} from './record.js';
