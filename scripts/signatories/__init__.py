"""The organisations that co-sign: records, intake (issue forms, e-mail), pages, exports, commands."""
