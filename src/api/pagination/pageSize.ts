// Page-size bounds for every `first` argument; larger pages are refused rather than silently cut.
export const DEFAULT_PAGE_SIZE = 20;
export const MIN_PAGE_SIZE = 0;
export const MAX_PAGE_SIZE = 100;
