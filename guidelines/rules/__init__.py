"""The guideline's rules, one Markdown file each (read by `guidelines.content.load_rules`)."""
