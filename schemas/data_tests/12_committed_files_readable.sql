-- Every file a manifest commits is there and reads as its declared table: a deleted,
-- truncated or foreign file is named here (the views leave it out and answer for the rest).
SELECT table_name, file, problem, detail FROM file_problems
