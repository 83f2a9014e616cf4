"""GenAI Studio core: everything an app needs that is not UI."""
