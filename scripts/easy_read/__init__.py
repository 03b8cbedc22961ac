"""The easy-to-read summaries: each language's page (docs/<lang>/facile-a-lire.md), whether readers checked it
(data/easy_read.yml), its notice and PDF link on the page; its PDF is made by scripts/editions/easy_read.py."""
