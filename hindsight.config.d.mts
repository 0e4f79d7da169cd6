declare const config: {
  title: string;
  organisation: string;
  description: string;
  site: string;
  repository: { url: string; branch: string; contentDir: string };
  patterns: { windowDays: number };
  listings?: { pageSize?: number; actionRows?: number; perPattern?: number; patternCards?: number };
  quality: { rules: Record<string, 'off' | 'warning' | 'error'>; followUpReviewSeverities?: string[] };
};
export default config;
