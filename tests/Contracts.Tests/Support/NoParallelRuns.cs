// UPDATE_SCHEMAS=1 rewrites the files other tests read: one test at a time (the whole run takes a second).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
