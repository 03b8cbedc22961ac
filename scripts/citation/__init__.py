"""How to cite the text: references, exports (BibTeX, RIS, CSL-JSON), page metadata, CITATION.cff."""
