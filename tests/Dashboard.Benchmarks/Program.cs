Console.WriteLine("Dashboard benchmarks: scenarios are being added.");
return 0;
