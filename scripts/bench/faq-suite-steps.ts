/**
 * The one step of the benchmark's empty scenario (scripts/bench/faq-suite.ts). It lives apart from
 * steps/, so only the benchmark loads it: the feature runs never see it.
 */
import { Given } from '@cucumber/cucumber';

Given('nothing happens', function () {
  // An empty scenario: only the Before and After hooks work, as in every scenario.
});
