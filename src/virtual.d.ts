declare module 'virtual:hindsight/settings' {
  const settings: import('./config/settings').Settings;
  export default settings;
}
