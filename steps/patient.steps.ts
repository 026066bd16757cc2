import { Given } from '@cucumber/cucumber';
import type { TestPerson } from './drivers/lps';
import type { LokalsvarWorld } from './world';

Given('testpersonen {test-person}', function (this: LokalsvarWorld, person: TestPerson) {
  this.person = person;
});
