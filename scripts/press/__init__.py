"""The press page: arguments, key quotations, facts and how to cite."""
