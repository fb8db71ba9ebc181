"""Field editors and pickers shared by the forms, the designer and the "fill in to move" dialog."""
