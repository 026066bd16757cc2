import { Given } from '@cucumber/cucumber';
import { testPerson } from './support/test-persons';
import type { LokalsvarWorld } from './world';

Given(/^testpersonen (.+) \((\d+)\)$/, function (this: LokalsvarWorld, name: string, cpr: string) {
  this.person = testPerson(name, cpr);
});
