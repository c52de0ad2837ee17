// What a run's compiled content (`content`, the compiled operation as JSON) tells about it. Only a run's own answer
// carries it (a list item has no `content`); `inputs` names the component's own inputs, so `DOCKER_IMAGE` is there
// only when the polyaxonfile calls its image input so (the hub's use `image`, or a fixed image).
import { isRecord } from './parse';

/** The compiled operation, or undefined (no content, or not JSON). */
export function compiledOperation(content: string | null | undefined): unknown {
  if (!content) return undefined;
  try {
    return JSON.parse(content) as unknown;
  } catch {
    return undefined;
  }
}

/** The main container's image, or undefined (no content, not JSON, or a `{{ … }}` left by a failed compile). */
export function runImage(content: string | null | undefined): string | undefined {
  const compiled = compiledOperation(content);
  const run = isRecord(compiled) ? compiled.run : undefined;
  const image = isRecord(run) && isRecord(run.container) ? run.container.image : undefined;
  return typeof image === 'string' && image.trim() && !image.includes('{{') ? image.trim() : undefined;
}
