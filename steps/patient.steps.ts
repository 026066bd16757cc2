import { Given } from '@cucumber/cucumber';
import { testPerson } from './support/test-persons';
import type { LokalsvarWorld } from './world';

Given(/^testpersonen (.+) \(([0-9-]+)\)$/, function (this: LokalsvarWorld, name: string, cpr: string) {
  this.person = testPerson(name, cpr);
});
