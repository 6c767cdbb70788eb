package dialects

import "github.com/habla-es/habla/internal/yamlfile"

// LoadError is a problem in a data file: path, 1-based line and column
// (either 0 when the YAML parser does not report it), and message.
type LoadError = yamlfile.Error

// document is one decoded profile or groups file, with its positions.
type document = yamlfile.Document
