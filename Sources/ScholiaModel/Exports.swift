// Plain-value targets the model is built on, re-exported so that every stage sees them through the model.
@_exported import Fingerprinting
@_exported import TextLayout
