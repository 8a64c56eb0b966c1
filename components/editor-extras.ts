/**
 * The editor's parts that are not on screen at its first paint (they answer the person, or
 * open on request), loaded just after it.
 */
export { AvatarEditor } from './AvatarEditor';
export { ConflictChooser } from './ConflictChooser';
export { SaveHistory } from './SaveHistory';
export { StatusBanner } from './StatusBanner';
export { UserSwitcher } from './UserSwitcher';
