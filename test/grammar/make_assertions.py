# Regenerates digest.test.digest: each source line with the scopes its parts must carry.
# Run: python3 test/grammar/make_assertions.py  (positions are computed, so they cannot drift)
import os
HERE = os.path.dirname(os.path.abspath(__file__))
cases = [
 ("cs.DC @ 2025-06-01: 103", [("cs.DC","entity.name.section.subject.digest"),(" @ ","punctuation.separator.at.digest"),("2025-06-01","constant.numeric.date.digest"),("103","constant.numeric.count.digest"),("cs.DC @ 2025-06-01: 103","markup.heading.1.header.digest")]),
 ("-", [("-","punctuation.definition.rule.digest")]),
 ("00 05-29 (4) $Δ$-Nets: Fast Schnell 快速 2505.23710v1 -", [("00","constant.numeric.index.digest"),("05-29","constant.numeric.date.digest"),("4","constant.numeric.weekday.digest"),("$Δ$","constant.character.math.tex.digest"),("2505.23710v1","markup.underline.link.arxiv-id.digest"),(" -","punctuation.separator.continuation.digest")]),
 ("01 05-29 Old Style Alt 旧 cs/0112017", [("cs/0112017","markup.underline.link.arxiv-id.digest"),("Old Style Alt 旧","meta.toc.titles.digest")]),
 ("Article 0", [("Article","keyword.other.article.digest"),("0","constant.numeric.index.digest"),("Article 0","markup.heading.2.article.digest")]),
 ("Title@2025-05-29 (4): $Δ$-Nets: Fast", [("Title","keyword.other.title.digest"),("2025-05-29","constant.numeric.date.digest"),("4","constant.numeric.weekday.digest"),("$Δ$","entity.name.section.title.en.digest constant.character.math.tex.digest"),("Fast","entity.name.section.title.en.digest")]),
 ("Title: $Δ$-Nets: Fast | Schnell |  快速 2505.23710v1 |", [("Title","keyword.other.title.digest"),("-Nets: Fast","entity.name.section.title.en.digest"),("|","punctuation.separator.title.digest"),("Schnell","string.unquoted.title.de.digest"),("快速","variable.other.title.zh.digest"),("2505.23710v1","markup.underline.link.arxiv-id.digest")]),
 ("Authors (2): Ada Lovelace, Alan Turing", [("Authors","keyword.other.authors.digest"),("2","constant.numeric.count.digest"),("Ada Lovelace","variable.parameter.authors.digest"),(",","punctuation.separator.comma.digest")]),
 ("We show $O(n)$ bounds for <b>all</b> graphs.", [("We show","meta.paragraph.abstract.en.digest"),("$O(n)$","meta.paragraph.abstract.en.digest constant.character.math.tex.digest"),("<b>all</b>","meta.paragraph.abstract.en.digest")]),
 ("Wir zeigen Schranken für alle Graphen.", [("Wir zeigen","markup.italic.abstract.de.digest")]),
 ("我们展示了所有图的$O(n)$界限。", [("我们展示了","string.unquoted.abstract.zh.digest"),("$O(n)$","string.unquoted.abstract.zh.digest constant.character.math.tex.digest")]),
 ("Article 1", [("Article","keyword.other.article.digest")]),
 ("Title@2025-05-28 (3): Second", []),
 ("Title: Second |  | 第二 2505.00002v1 |", [("第二","variable.other.title.zh.digest"),("Second","entity.name.section.title.en.digest")]),
 ("Authors (1): Grace Hopper", []),
 ("nan", [("nan","comment.line.missing-translation.digest")]),
 ("中文摘要在英文缺失之后。", [("中文摘要","string.unquoted.abstract.zh.digest")]),
 ("Article 2", []),
 ("Title@2025-05-28 (3): Third", []),
 ("Title: Third | Dritte | 第三 2505.00003v1 |", []),
 ("Authors (1): Ada", []),
 ("English abstract.", [("English","meta.paragraph.abstract.en.digest")]),
 ("nan", [("nan","comment.line.missing-translation.digest")]),
 # The first abstract line is English even when it quotes Chinese; a later line is Chinese if it holds Han anywhere.
 ("Article 3", []),
 ("Title@2025-05-28 (3): Fourth", []),
 ("Title: Fourth | Vierte | 第四 2505.00004v1 |", []),
 ("Authors (1): Alan", []),
 ("We present 中文版 BERT.", [("We present 中文版 BERT.","meta.paragraph.abstract.en.digest")]),
 ("Wir stellen BERT vor.", [("Wir stellen BERT vor.","markup.italic.abstract.de.digest")]),
 ("Für $5 und $10 in $O(n)$, \\$x$ ist $$y$$.", [("$5 und $10","- constant.character.math.tex.digest"),("$O(n)$","constant.character.math.tex.digest"),("\\$x$","- constant.character.math.tex.digest"),("$$y$$","constant.character.math.tex.digest")]),
 ("FlashAttention-3 (Fast and Accurate Attention with Asynchrony and Low-precision, FA3) 是一种注意力算法。", [("FlashAttention-3","string.unquoted.abstract.zh.digest"),("是一种注意力算法","string.unquoted.abstract.zh.digest")]),
 # A second day in the same file: its header ends the article, and its TOC is a TOC again.
 ("cs.DC @ 2025-06-02: 1", [("cs.DC @ 2025-06-02: 1","markup.heading.1.header.digest"),("cs.DC @ 2025-06-02: 1","- meta.article.digest")]),
 ("-", [("-","punctuation.definition.rule.digest")]),
 ("00 05-30 (5) Next Day Nächster Tag 次日 2505.00005v1", [("00","constant.numeric.index.digest"),("2505.00005v1","markup.underline.link.arxiv-id.digest")]),
 ("Article 0", [("Article","keyword.other.article.digest")]),
]
out = ['# SYNTAX TEST "text.digest" "header, table of contents, article lines, abstracts, nan, TeX math"']
for line, asserts in cases:
    out.append(line)
    for text, scope in asserts:
        col = line.index(text)
        if col == 0:
            out.append('# <' + '-' * len(text) + ' ' + scope) if len(text) > 1 else out.append('# <- ' + scope)
        else:
            out.append('#' + ' ' * (col - 1) + '^' * len(text) + ' ' + scope)
open(os.path.join(HERE, 'digest.test.digest'), 'w').write('\n'.join(out) + '\n')
