/** What the citation worker does with a request, whichever host it runs in. */
import { formatCitation, isBuiltInStyle, builtInStyles, registerStyle } from '../../core/citation/format';
import type { CitationRequest, CitationResponse } from './protocol';

export function handle(request: CitationRequest): CitationResponse {
  try {
    let style: string;
    if ('xml' in request.style) {
      style = registerStyle(request.style.xml);
    } else if (isBuiltInStyle(request.style.name)) {
      style = request.style.name;
    } else {
      throw new Error(`unknown citation style '${request.style.name}': use ${builtInStyles().join(', ')}, or the path of a .csl file in the workspace`);
    }
    return { id: request.id, text: formatCitation(request.article, style) };
  } catch (error) {
    return { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
}
