export { checkConfigFile, checkConfigText, ConfigError, DEMO_CONFIG_PATH, loadConfigFile, parseConfig, type ConfigCheck } from './load';
export { PASSWORD_HASH_PATTERN, TextoConfig } from './schema';
export type { AgentConfig, CentreNumberConfig } from './schema';
