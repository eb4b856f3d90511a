/** An absolute http(s) address with a dotted host: what a page's own address must look like. */
export const isWebAddress = (value: string): boolean => /^https?:\/\/[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$/i.test(value);
