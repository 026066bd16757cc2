/**
 * XPath-like paths with 1-based indexes, e.g. /Emessage/LaboratoryReport/LaboratoryResults/Result[2]/Value.
 * An index is written only where the parent has more than one child of that name, so a single element reads
 * plainly and repeated ones are unambiguous.
 */
import type { XmlElement } from '../xml/node';

function step(element: XmlElement): string {
  const parent = element.parent;
  if (!parent) return element.local;
  let index = 0;
  let count = 0;
  for (const sibling of parent.children) {
    if (sibling.local !== element.local) continue;
    count += 1;
    if (sibling === element) index = count;
  }
  return count > 1 ? `${element.local}[${index}]` : element.local;
}

export function pathOf(element: XmlElement | undefined): string {
  if (!element) return '/';
  const steps: string[] = [];
  for (let current: XmlElement | undefined = element; current; current = current.parent) steps.push(step(current));
  return `/${steps.reverse().join('/')}`;
}
