"""Reading: the bytes of a file our users received → the text the parser reads.

One module per format or layout family, with the page logic they share in one place:

* `source`: which reader a file goes to; plain text decoded (UTF-8, UTF-16, cp1252);
* `pages`: page furniture and footnote blocks in extracted text, whatever tool extracted it;
* `blocks`: what the Word and PDF readers found (paragraphs, exact footnote markers, notes),
  written as the text the parser reads most surely;
* `docx`: Word documents; `pdf`: PDF documents, from their characters' boxes and fonts.

Imports run one way: `source` ← `docx`, `pdf` → `blocks`, `pages`; nothing here imports the
parser. The Word and PDF readers are imported only when such a file is read.
"""
