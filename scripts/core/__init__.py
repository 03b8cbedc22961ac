"""What every concern uses: paths, data loading, languages, strings, pages, links, dates, the build date."""
