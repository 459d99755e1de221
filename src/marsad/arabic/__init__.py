"""Arabic text layer: normalization views, clitics, tokenizer rules, segmentation."""
