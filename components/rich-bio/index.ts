/** The bio's editing code, loaded after the first paint (components/BioField.tsx). */
export { BioView } from '@/components/BioView';
export { parseBio, visibleLength } from '@/utils/shared/profile/bio';
export { default as RichBio } from './RichBio';
