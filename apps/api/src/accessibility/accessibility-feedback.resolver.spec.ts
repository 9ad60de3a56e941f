import { loadConfig } from '../config/app-config.js';
import { AccessibilityFeedbackResolver } from './accessibility-feedback.resolver.js';

describe('AccessibilityFeedbackResolver', () => {
  it('gives the configured feedback contact, or null when none is set', () => {
    const configured = loadConfig({ NAHBAR_ACCESSIBILITY_CONTACT: 'barrierefreiheit@ldbv.example' }, '/srv/nahbar');
    expect(new AccessibilityFeedbackResolver(configured).accessibilityFeedback()).toEqual({
      contactEmail: 'barrierefreiheit@ldbv.example',
    });
    expect(new AccessibilityFeedbackResolver(loadConfig({}, '/srv/nahbar')).accessibilityFeedback()).toEqual({
      contactEmail: null,
    });
  });
});
