// pdf.js ships no types for its worker module; kh only loads it for its side effects.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs'
