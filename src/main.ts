import './components/chrono-map';
