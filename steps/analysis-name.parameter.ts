/** {analysenavn}: an analysis as steps name it, also with a space ("Strep A"): "MiBa har Strep A-svaret ...". */
import { defineParameterType } from '@cucumber/cucumber';

defineParameterType({ name: 'analysenavn', regexp: /Strep A|[^\s"]+?/, transformer: (name: string) => name });
