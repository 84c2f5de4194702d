//! HR exports (XLSX and CSV, streamed): SKP report, evaluation report, TPP basis, ranking, angka kredit.
