export { OaiError, type OaiErrorCode } from './errors.js';
