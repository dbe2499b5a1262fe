"""Figures: definitions as data, a neutral figure model, and a layout both writers draw from."""
