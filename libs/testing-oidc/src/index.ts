export * from './oidc-provider.js';
