/** Reads every feature file and lists its scenarios with their @krav:<id> tags (feature, rule and scenario level). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AstBuilder, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator, type FeatureChild, type RuleChild, type Tag } from '@cucumber/messages';

export interface TaggedScenario {
  file: string;
  line: number;
  name: string;
  requirementIds: string[];
}

const KRAV = /^@krav:(.+)$/;

function ids(tags: readonly Tag[]): string[] {
  return tags.map((tag) => KRAV.exec(tag.name)?.[1]).filter((id): id is string => id !== undefined);
}

export function featureFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.feature'))
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}

export function scenariosOf(file: string): TaggedScenario[] {
  const parser = new Parser(new AstBuilder(IdGenerator.uuid()), new GherkinClassicTokenMatcher());
  const feature = parser.parse(readFileSync(file, 'utf8')).feature;
  if (!feature) return [];
  const scenarios: TaggedScenario[] = [];
  const visit = (children: readonly (FeatureChild | RuleChild)[], inherited: string[]): void => {
    for (const child of children) {
      if (child.scenario) {
        const { scenario } = child;
        const exampleIds = scenario.examples.flatMap((examples) => ids(examples.tags));
        scenarios.push({ file, line: scenario.location.line, name: scenario.name, requirementIds: [...inherited, ...ids(scenario.tags), ...exampleIds] });
      }
      if ('rule' in child && child.rule) visit(child.rule.children, [...inherited, ...ids(child.rule.tags)]);
    }
  };
  visit(feature.children, ids(feature.tags));
  return scenarios;
}

/** Every scenario the project's feature files declare (root/features), with its uri relative to root as cucumber writes it. */
export function declaredScenarios(root: string): { uri: string; name: string; requirementIds: string[] }[] {
  return featureFiles(path.join(root, 'features'))
    .flatMap(scenariosOf)
    .map((scenario) => ({ uri: path.relative(root, scenario.file), name: scenario.name, requirementIds: scenario.requirementIds }));
}
