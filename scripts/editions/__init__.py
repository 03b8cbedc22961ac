"""What is made from the built site: the PDFs and preview images, side by side."""
