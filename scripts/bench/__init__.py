"""Measures, never tests: build time, page weight, Lighthouse, PDFs, signatories at scale, screenshots."""
